terraform {
  required_providers {
    yandex = {
      source = "yc-apikeys/yandex"
    }
  }
}

# Credentials come from YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE when not set here.
provider "yandex" {
  folder_id = "b1g0000000000000000a" # a placeholder (the emulator ignores it): your folder's ID
}
