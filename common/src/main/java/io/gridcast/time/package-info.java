/**
 * Market clocks: each ISO's interval labels converted to {@code interval_start_utc} and back.
 * Conversion happens once, at ingest, so later stages never special-case DST days.
 */
package io.gridcast.time;
