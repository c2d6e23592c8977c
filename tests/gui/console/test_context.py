from wb_desktop.tools.console.context import ConsoleContext


def test_the_console_reaches_the_office(console: ConsoleContext) -> None:
    office = console.office()
    try:
        assert console.technician_id is not None
        view = office.office_view(console.technician_id)
        assert view.jobs
    finally:
        office.close()
