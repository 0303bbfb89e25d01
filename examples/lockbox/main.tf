# The secret goes to a new version of a Lockbox secret and never into the state. Applications
# read it from Lockbox:
#   yc lockbox payload get --id <secret id> --version-id <output_to_lockbox_version_id> --key api_key
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
  type        = string
  description = "ID of an existing Lockbox secret of the custom type. Its other entries are kept."
}

resource "yandex_iam_service_account_api_key" "in_lockbox" {
  service_account_id = var.service_account_id
  description        = "Secret kept in Lockbox"
  scopes             = ["yc.monitoring.manage"]

  output_to_lockbox {
    secret_id            = var.lockbox_secret_id
    entry_for_secret_key = "api_key"
  }
}

output "lockbox_version_id" {
  value = yandex_iam_service_account_api_key.in_lockbox.output_to_lockbox_version_id
}
