/** Typed settings from HOCON files plus command-line overrides. */
package io.gridcast.config;
