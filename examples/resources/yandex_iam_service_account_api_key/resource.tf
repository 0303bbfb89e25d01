# A key that may only send e-mail through Postbox and stops working at the end of 2030.
# "aje6o61dvog2h6g9a33s" is the service account the bundled emulator seeds
# (acceptance-tests/emulator/seed.example.json); in Yandex Cloud, use the ID of yours.
resource "yandex_iam_service_account_api_key" "postbox" {
  service_account_id = "aje6o61dvog2h6g9a33s"
  description        = "Sends notifications through Postbox"
  scopes             = ["yc.postbox.send"]
  expires_at         = "2030-12-31T23:59:59Z"
}
