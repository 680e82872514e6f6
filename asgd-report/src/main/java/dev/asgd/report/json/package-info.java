/**
 * JSON of results: one Jackson mapper for every command and for results.json. Result records are
 * serialised as they are (their component names are the keys); non-finite numbers become null.
 */
package dev.asgd.report.json;
