# A key that can only do what it is for, for a limited time. Changing the scopes, the description
# or the expiry updates the key in place; the secret stays the same.
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

variable "expires_at" {
  type        = string
  description = "When the key stops working (RFC 3339)."
  default     = "2030-12-31T23:59:59Z"
}

resource "yandex_iam_service_account_api_key" "ydb" {
  service_account_id = var.service_account_id
  description        = "Reads and writes YDB tables and topics"
  scopes             = ["yc.ydb.tables.manage", "yc.ydb.topics.manage"]
  expires_at         = var.expires_at
}

output "api_key_id" {
  value = yandex_iam_service_account_api_key.ydb.id
}

output "scopes" {
  value = yandex_iam_service_account_api_key.ydb.scopes
}
