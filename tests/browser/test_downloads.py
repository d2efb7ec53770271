"""Files the browser downloads land in the test's download folder, where tests read them back."""

from django.urls import reverse


def test_a_download_is_saved_to_the_download_folder(browser, live_server, downloads):
    browser.get(live_server.url + reverse("admin:login"))
    browser.execute_script(
        """
        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob(["day,takes\\n1,4\\n"], {type: "text/csv"}));
        link.download = "schedule.csv";
        document.body.append(link);
        link.click();
        """
    )
    saved = downloads.wait_for(".csv")
    assert (saved.name, saved.read_text()) == ("schedule.csv", "day,takes\n1,4\n")


def test_a_pdf_is_saved_rather_than_shown_in_the_viewer(browser, live_server, downloads):
    browser.get(live_server.url + reverse("admin:login"))
    browser.execute_script(
        'window.location = URL.createObjectURL(new Blob(["%PDF-1.4\\n%%EOF\\n"], {type: "application/pdf"}));'
    )
    assert downloads.wait_for(".pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
