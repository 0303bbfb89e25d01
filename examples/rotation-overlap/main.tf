# Rotation with overlap: two keys take turns, so a new secret appears a whole rotation period
# before the previous one stops working. Clients that cache the secret, or pick it up only on
# their next deploy, never hold a deleted key. Rotate with
#   terraform apply -var generation=1   (then 2, 3, ...)
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
  # (./scripts/main --keep exports it as TF_VAR_service_account_id). In Yandex Cloud, use yours:
  # yc iam service-account list.
  type = string
}

variable "generation" {
  type        = number
  description = "Rotation counter: add 1 to rotate. Even generations renew key \"a\", odd ones key \"b\"."
  default     = 0
}

locals {
  # The turn of each key: it changes every second generation, each on its own beat.
  turns = {
    a = floor(var.generation / 2)
    b = floor((var.generation + 1) / 2)
  }
  current  = var.generation % 2 == 0 ? "a" : "b"
  previous = local.current == "a" ? "b" : "a"
}

resource "yandex_iam_service_account_api_key" "turn" {
  for_each           = local.turns
  service_account_id = var.service_account_id
  description        = "Key ${each.key}, turn ${each.value}"
  scopes             = ["yc.postbox.send"]
  rotation_triggers = {
    turn = tostring(each.value)
  }

  lifecycle {
    create_before_destroy = true
  }
}

# Give clients the current secret; the previous one keeps working until the next rotation.
output "current_api_key" {
  value     = yandex_iam_service_account_api_key.turn[local.current].secret_key
  sensitive = true
}

output "current_api_key_id" {
  value = yandex_iam_service_account_api_key.turn[local.current].id
}

output "previous_api_key_id" {
  value = yandex_iam_service_account_api_key.turn[local.previous].id
}
