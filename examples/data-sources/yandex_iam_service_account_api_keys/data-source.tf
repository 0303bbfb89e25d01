# The keys of a service account that need attention: those expiring within 30 days, and those
# never used. "aje6o61dvog2h6g9a33s" is the service account the bundled emulator seeds; in
# Yandex Cloud, use the ID of yours.
data "yandex_iam_service_account_api_keys" "reporter" {
  service_account_id = "aje6o61dvog2h6g9a33s"
}

locals {
  reporter_keys = data.yandex_iam_service_account_api_keys.reporter.api_keys
  in_30_days    = timeadd(plantimestamp(), "720h")
}

output "keys_expiring_within_30_days" {
  # A key that never expires (expires_at = null) counts as expiring at the end of time.
  value = [for key in local.reporter_keys : key.id if timecmp(coalesce(key.expires_at, "9999-12-31T23:59:59Z"), local.in_30_days) < 0]
}

output "keys_never_used" {
  value = [for key in local.reporter_keys : key.id if key.last_used_at == null]
}
