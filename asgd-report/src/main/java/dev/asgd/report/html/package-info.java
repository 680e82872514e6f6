/**
 * The HTML report of {@code asgd reproduce}: experiments as sections with a claim, figures, tables
 * and a verdict, written as one self-contained page.
 */
package dev.asgd.report.html;
