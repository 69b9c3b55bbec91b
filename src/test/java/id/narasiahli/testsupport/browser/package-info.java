/** A real browser for end-to-end tests: Debian's Chromium, headless, driven through its chromedriver by Selenium. */
package id.narasiahli.testsupport.browser;
