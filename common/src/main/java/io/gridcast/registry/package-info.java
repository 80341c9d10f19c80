/** Model registry: artifacts in the warehouse, versions and metadata in {@code model_registry}. */
package io.gridcast.registry;
