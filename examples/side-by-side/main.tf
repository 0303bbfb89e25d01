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
  type = string
}

variable "lockbox_secret_id" {
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
