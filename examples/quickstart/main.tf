# The quickstart that ./scripts/main runs: three keys of one service account, each keeping its
# secret a different way.
terraform {
  required_version = ">= 1.5"
  required_providers {
    yandex = {
      source  = "yc-apikeys/yandex"
      version = "~> 0.1"
    }
  }
}

# Endpoint and credentials from the environment: YC_ENDPOINT, YC_PLAINTEXT and YC_TOKEN for the
# emulator; YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE and YC_FOLDER_ID for Yandex Cloud.
provider "yandex" {}

variable "service_account_id" {
  # The bundled emulator seeds the service account "aje6o61dvog2h6g9a33s"
  # (acceptance-tests/emulator/seed.example.json; ./scripts/main --keep exports it as
  # TF_VAR_service_account_id). In Yandex Cloud, use yours: yc iam service-account list.
  type        = string
  description = "ID of the service account that owns the keys."
}

variable "lockbox_secret_id" {
  # The bundled emulator seeds the Lockbox secret "e6q8rl3hr3nfi6b3h5tk"
  # (./scripts/main --keep exports it as TF_VAR_lockbox_secret_id). In Yandex Cloud, use one of
  # your Lockbox secrets of the custom type: yc lockbox secret list.
  type        = string
  description = "ID of a Lockbox secret (custom type) that receives one of the secrets."
}

variable "pgp_public_key" {
  type        = string
  description = "OpenPGP public key (base64 of the binary key) that encrypts another secret."
}

# 1. Scoped and expiring; the secret is in the state, marked sensitive.
resource "yandex_iam_service_account_api_key" "scoped" {
  service_account_id = var.service_account_id
  description        = "quickstart: sends mail through Postbox until 2030"
  scopes             = ["yc.postbox.send"]
  expires_at         = "2030-12-31T23:59:59Z"
}

# 2. Encrypted to a PGP key; only the encrypted form is in the state.
resource "yandex_iam_service_account_api_key" "encrypted" {
  service_account_id = var.service_account_id
  description        = "quickstart: secret encrypted with PGP"
  scopes             = ["yc.monitoring.manage"]
  pgp_key            = var.pgp_public_key
}

# 3. Written to Lockbox; the secret is nowhere in the state.
resource "yandex_iam_service_account_api_key" "in_lockbox" {
  service_account_id = var.service_account_id
  description        = "quickstart: secret kept in Lockbox"
  scopes             = ["yc.ydb.tables.manage", "yc.ydb.topics.manage"]

  output_to_lockbox {
    secret_id            = var.lockbox_secret_id
    entry_for_secret_key = "api_key"
  }
}
