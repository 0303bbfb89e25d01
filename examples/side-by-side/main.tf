# This provider next to the official one: both are named "yandex", so this one gets a second
# local name and every resource that should use it says so with `provider =`. Keys the official
# provider already manages stay where they are.
terraform {
  required_version = ">= 1.5"
  required_providers {
    yandex = {
      source = "yandex-cloud/yandex"
    }
    yandex-apikeys = {
      source  = "yc-apikeys/yandex"
      version = "~> 0.1"
    }
  }
}

provider "yandex" {}

provider "yandex-apikeys" {}

variable "service_account_id" {
  # The bundled emulator seeds the service account "aje6o61dvog2h6g9a33s"
  # (acceptance-tests/emulator/seed.example.json; ./scripts/main --keep exports it as
  # TF_VAR_service_account_id). In Yandex Cloud, use yours: yc iam service-account list.
  type = string
}

variable "lockbox_secret_id" {
  # The bundled emulator seeds the Lockbox secret "e6q8rl3hr3nfi6b3h5tk"
  # (./scripts/main --keep exports it as TF_VAR_lockbox_secret_id). In Yandex Cloud, use one of
  # your Lockbox secrets of the custom type: yc lockbox secret list.
  type = string
}

# Managed by the official provider, as before.
resource "yandex_iam_service_account_api_key" "legacy" {
  service_account_id = var.service_account_id
  description        = "Managed by yandex-cloud/yandex"
}

# Managed by this provider: its secret goes to Lockbox.
resource "yandex_iam_service_account_api_key" "new" {
  provider           = yandex-apikeys
  service_account_id = var.service_account_id
  description        = "Managed by yc-apikeys/yandex"
  scopes             = ["yc.postbox.send"]

  output_to_lockbox {
    secret_id            = var.lockbox_secret_id
    entry_for_secret_key = "api_key"
  }
}

output "api_key_ids" {
  value = {
    legacy = yandex_iam_service_account_api_key.legacy.id
    new    = yandex_iam_service_account_api_key.new.id
  }
}
