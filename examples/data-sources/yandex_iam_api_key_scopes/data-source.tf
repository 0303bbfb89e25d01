# Every scope Yandex Cloud offers for API keys, e.g. to check a module's input against it.
data "yandex_iam_api_key_scopes" "offered" {}

output "api_key_scopes" {
  value = data.yandex_iam_api_key_scopes.offered.scopes
}

output "foundation_models_offered" {
  value = contains(data.yandex_iam_api_key_scopes.offered.scopes, "yc.ai.foundationModels.execute")
}
