/** A real headless browser (Chromium over the DevTools protocol) to check the report as a person sees it. */
package dev.asgd.report.browser;
