# The smallest useful key: the secret is kept in the state (as a sensitive value).
terraform {
  required_version = ">= 1.5"
  required_providers {
    yandex = {
      source  = "yc-apikeys/yandex"
      version = "~> 0.1"
    }
  }
}

# Endpoint and credentials from YC_ENDPOINT, YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE.
provider "yandex" {}

variable "service_account_id" {
  # The bundled emulator seeds the service account "aje6o61dvog2h6g9a33s"
  # (acceptance-tests/emulator/seed.example.json; ./scripts/main --keep exports it as
  # TF_VAR_service_account_id). In Yandex Cloud, use yours: yc iam service-account list.
  type        = string
  description = "ID of the service account that owns the key."
}

resource "yandex_iam_service_account_api_key" "basic" {
  service_account_id = var.service_account_id
  description        = "Managed by Terraform"
}

output "api_key_id" {
  value = yandex_iam_service_account_api_key.basic.id
}

# Read it with `terraform output -raw secret_key`; never print it in CI logs.
output "secret_key" {
  value     = yandex_iam_service_account_api_key.basic.secret_key
  sensitive = true
}
