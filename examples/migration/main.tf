# After moving from the official provider (see README.md): the same resource, now under
# yc-apikeys/yandex. Nothing in the resource block changes.
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
  type = string
}

resource "yandex_iam_service_account_api_key" "moved" {
  service_account_id = var.service_account_id
  description        = "Created by yandex-cloud/yandex, now managed here"
  scopes             = ["yc.postbox.send"]
}

output "api_key_id" {
  value = yandex_iam_service_account_api_key.moved.id
}
