/**
 * The transmission network (buses, branches, generators with their costs), readers for
 * MATPOWER case files and CSV tables, topology checks, the DC optimal power flow with its
 * duals, the split of locational marginal prices into energy, congestion and loss
 * components, and settlement of congestion revenue rights.
 */
package io.gridcast.grid;
