output "scoped_key_id" {
  value = yandex_iam_service_account_api_key.scoped.id
}

output "scoped_key_expires_at" {
  value = yandex_iam_service_account_api_key.scoped.expires_at
}

output "encrypted_key_id" {
  value = yandex_iam_service_account_api_key.encrypted.id
}

output "encrypted_key_fingerprint" {
  value = yandex_iam_service_account_api_key.encrypted.key_fingerprint
}

output "encrypted_secret_key" {
  value = yandex_iam_service_account_api_key.encrypted.encrypted_secret_key
}

output "lockbox_key_id" {
  value = yandex_iam_service_account_api_key.in_lockbox.id
}

output "lockbox_version_id" {
  value = yandex_iam_service_account_api_key.in_lockbox.output_to_lockbox_version_id
}

# Shown only on request: `terraform output -raw scoped_secret_key`.
output "scoped_secret_key" {
  value     = yandex_iam_service_account_api_key.scoped.secret_key
  sensitive = true
}
