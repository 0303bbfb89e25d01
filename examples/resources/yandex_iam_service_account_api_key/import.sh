# An API key is imported by its ID. The secret is shown by Yandex Cloud only once, when the key is
# created, so an imported key has no secret_key, encrypted_secret_key or Lockbox version in state.
terraform import yandex_iam_service_account_api_key.postbox ajeq7ahbsnp5pe7a0svq

# Or, with Terraform 1.5 and later, in the configuration:
#   import {
#     to = yandex_iam_service_account_api_key.postbox
#     id = "ajeq7ahbsnp5pe7a0svq"
#   }
