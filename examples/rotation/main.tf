# Key rotation: a key older than 90 days, or a new value of `rotation`, makes a new key before the
# old one is deleted, so whatever reads the secret from Lockbox always finds a working key. Rotate
# on demand with
#   terraform apply -var rotation=2025-q3
# and on schedule by running `terraform apply` regularly (a plan sees the key's age when it
# refreshes).
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

variable "lockbox_secret_id" {
  # The bundled emulator seeds the Lockbox secret "e6q8rl3hr3nfi6b3h5tk"
  # (./scripts/main --keep exports it as TF_VAR_lockbox_secret_id). In Yandex Cloud, use one of
  # your Lockbox secrets of the custom type: yc lockbox secret list.
  type = string
}

variable "rotation" {
  type        = string
  description = "Any label; a new value rotates the key."
  default     = "initial"
}

resource "yandex_iam_service_account_api_key" "rotated" {
  service_account_id = var.service_account_id
  description        = "Rotation ${var.rotation}"
  scopes             = ["yc.postbox.send"]
  rotate_after       = "2160h" # 90 days
  rotation_triggers = {
    rotation = var.rotation
  }

  output_to_lockbox {
    secret_id            = var.lockbox_secret_id
    entry_for_secret_key = "api_key"
  }

  lifecycle {
    create_before_destroy = true
  }
}

output "api_key_id" {
  value = yandex_iam_service_account_api_key.rotated.id
}

output "lockbox_version_id" {
  value = yandex_iam_service_account_api_key.rotated.output_to_lockbox_version_id
}
