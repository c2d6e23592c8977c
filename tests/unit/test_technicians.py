from wb_desktop.core.paths import check_profile_name
from wb_desktop.tools.console.technicians import demo_technician, demo_technicians
from wb_server.demo_data import DEMO_ACCOUNTS


def test_every_demo_account_is_offered_with_its_name_and_password() -> None:
    technicians = demo_technicians()
    assert [t.email for t in technicians] == list(DEMO_ACCOUNTS)
    assert [t.display_name for t in technicians] == [
        "Anna Lindqvist",
        "Erik Johansson",
        "Sam Carter",
    ]
    assert all(t.password == DEMO_ACCOUNTS[t.email] for t in technicians)
    assert len({t.technician_id for t in technicians}) == 3


def test_each_technician_gets_a_profile_of_their_own() -> None:
    profiles = [t.profile for t in demo_technicians()]
    assert profiles == ["anna", "erik", "sam"]
    assert all(check_profile_name(p) == p for p in profiles)


def test_a_technician_is_found_by_short_name_or_email() -> None:
    assert demo_technician("Erik").email == "erik@demo.workboss.se"
    assert demo_technician(" sam@demo.workboss.se ").display_name == "Sam Carter"
    assert demo_technician("nobody") is None
