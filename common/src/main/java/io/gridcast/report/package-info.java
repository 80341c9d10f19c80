/**
 * Self-contained HTML run reports: a page of sections with text, tables and charts, written
 * next to the tables a job publishes. A report loads nothing from outside the file, so it
 * opens offline, and its charts are PNG images embedded as base64 {@code data:} URIs.
 */
package io.gridcast.report;
