terraform {
  required_providers {
    yandex = {
      source = "yc-apikeys/yandex"
    }
  }
}

# Credentials come from YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE when not set here.
provider "yandex" {
  folder_id = "b1g0000000000000000a" # accepted as in the official provider, and unused: keys belong to a service account
}
