# The secret is encrypted to your OpenPGP key; the state holds only the encrypted form.
#   gpg --export <your key id> | base64 -w0     gives the value of pgp_public_key
#   terraform output -raw encrypted_secret_key | base64 -d | gpg --decrypt     gives the secret
terraform {
  required_version = ">= 1.5"
  required_providers {
    yandex = {
      source  = "yc-apikeys/yandex"
      version = "~> 0.1"
    }
  }
}

provider "yandex" {}

variable "service_account_id" {
  # The bundled emulator seeds the service account "aje6o61dvog2h6g9a33s"
  # (acceptance-tests/emulator/seed.example.json; ./scripts/main --keep exports it as
  # TF_VAR_service_account_id). In Yandex Cloud, use yours: yc iam service-account list.
  type = string
}

variable "pgp_public_key" {
  type        = string
  description = "Base64 of a binary OpenPGP public key, an armored key, or keybase:<username>."
}

resource "yandex_iam_service_account_api_key" "encrypted" {
  service_account_id = var.service_account_id
  description        = "Secret encrypted with PGP"
  scopes             = ["yc.postbox.send"]
  pgp_key            = var.pgp_public_key
}

output "encrypted_secret_key" {
  value = yandex_iam_service_account_api_key.encrypted.encrypted_secret_key
}

output "key_fingerprint" {
  value = yandex_iam_service_account_api_key.encrypted.key_fingerprint
}
