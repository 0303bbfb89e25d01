# A key that lives for one run: made when the run needs it, deleted when the run is done, and
# expiring after 15 minutes in any case. Its secret is in no plan and no state.
ephemeral "yandex_iam_service_account_api_key" "smoke_test" {
  service_account_id = "aje6o61dvog2h6g9a33s"
  description        = "Smoke test of a deployment"
  scopes             = ["yc.postbox.send"]
  ttl                = "15m"
}

# Ephemeral values may go to provisioners and provider blocks. Replace the command with the check
# your deployment needs, e.g. a curl with "Authorization: Api-Key $API_KEY".
resource "terraform_data" "smoke_test" {
  provisioner "local-exec" {
    command     = "test -n \"$API_KEY\""
    environment = { API_KEY = ephemeral.yandex_iam_service_account_api_key.smoke_test.secret }
  }
}
