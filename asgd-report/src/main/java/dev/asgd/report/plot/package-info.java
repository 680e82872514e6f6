/** PNG charts with XChart for every command's {@code --plot} and for the report. */
package dev.asgd.report.plot;
