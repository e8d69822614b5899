#!/usr/bin/python3
"""Opens ADDRESS in headless Chromium (Debian's chromium and chromium-driver, through Selenium),
presses the button whose value is ACTION ("allow" or "deny") and prints the heading and text of
the page the browser lands on, the way a person at a browser would see them.

Usage: press_button.py ADDRESS ACTION
Exit status 0 when the page had the button and the browser landed somewhere after it."""
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def main(address, action):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(argument)
    with tempfile.TemporaryDirectory(prefix="lastfm-auth-chromium-") as profile:
        options.add_argument("--user-data-dir=" + profile)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_page_load_timeout(30)
            driver.get(address)
            button = WebDriverWait(driver, 30).until(
                expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "button[value='%s']" % action)))
            # ADDRESS may be lastfm-auth's private page (file://), which sends the browser on.
            shown = driver.current_url.split("?")[0]
            print("showing:", shown, flush=True)
            print("pressing:", button.text, flush=True)
            button.click()
            WebDriverWait(driver, 30).until(lambda d: d.current_url.split("?")[0] != shown)
            heading = WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))
            print("landed:", driver.current_url.split("?")[0], flush=True)
            print("heading:", heading.text, flush=True)
            print("text:", driver.find_element(By.TAG_NAME, "body").text.replace("\n", " "), flush=True)
        finally:
            driver.quit()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
