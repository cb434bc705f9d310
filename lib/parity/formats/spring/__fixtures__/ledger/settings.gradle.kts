rootProject.name = "ledger"
include("ledger-service")
