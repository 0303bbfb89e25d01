# After moving the API keys from the official provider (see README.md), in a configuration where
# the official provider still manages everything else: this provider is added under a second
# local name, and each key names it with `provider =`. Nothing else in the key's block changes.
terraform {
  required_version = ">= 1.5"
  required_providers {
    # The official provider keeps every other resource (networks, instances, ...).
    yandex = {
      source = "yandex-cloud/yandex"
    }
    # This provider. A local name may hold letters, digits and dashes only: not "yandex_keys".
    yandex-apikeys = {
      source  = "yc-apikeys/yandex"
      version = "~> 0.1"
    }
  }
}

# Both read their endpoint and credentials from the same YC_* environment variables.
provider "yandex" {}

provider "yandex-apikeys" {}

variable "service_account_id" {
  type = string
  # The bundled emulator seeds the service account "aje6o61dvog2h6g9a33s"
  # (acceptance-tests/emulator/seed.example.json); in Yandex Cloud, use the ID of yours
  # (yc iam service-account list).
  description = "ID of the service account that owns the key."
}

# Created by yandex-cloud/yandex; the added `provider` line is the whole change.
resource "yandex_iam_service_account_api_key" "moved" {
  provider           = yandex-apikeys
  service_account_id = var.service_account_id
  description        = "Created by yandex-cloud/yandex, now managed here"
  scopes             = ["yc.postbox.send"]
}

# The rest of the configuration stays as it was, on the official provider, for example:
#
#   resource "yandex_vpc_network" "default" {
#     name = "default"
#   }

output "api_key_id" {
  value = yandex_iam_service_account_api_key.moved.id
}
