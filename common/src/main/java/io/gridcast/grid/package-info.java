/**
 * The transmission network: buses, branches, generators and their costs. The package reads
 * MATPOWER case files and CSV tables, checks topology and solves the DC optimal power flow.
 * It splits locational marginal prices into energy, congestion and loss components and
 * settles congestion revenue rights.
 */
package io.gridcast.grid;
