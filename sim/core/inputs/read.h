/* read.h - scenario values and variants read from YAML nodes. Private.
 * SPDX-License-Identifier: MIT */
#ifndef FW_READ_H
#define FW_READ_H

#include "scenario.h"
#include "yamltree.h"

/* Reads a number or distribution for key k into out, range-checked. */
int fwi_read_num(fw_yaml *y, yaml_node_t *n, const char *path,
    const fw_key *k, fw_num *out);
/* Reads the keys of one segment or channel mapping: its name, its numeric
 * keys into v (defaults filled in) and, for a segment, the initial node. */
int fwi_read_element(fw_yaml *y, yaml_node_t *n, const char *path,
    enum fw_scope scope, char **name, fw_num *v, yaml_node_t **initial);
/* Reads one channel mapping (under channels or add_channels). */
int fwi_read_channel(fw_yaml *y, yaml_node_t *n, const char *path,
    fw_channel *out);
/* Checks helpful + burden <= 1 at the largest values they can take. */
int fwi_check_channel_shares(fw_yaml *y, yaml_node_t *at, const char *path,
    const fw_channel *c);

/* Builds config from the baseline and a variant's mapping. */
int fwi_variant_build(fw_yaml *y, const fw_scenario *sc, const char *name,
    yaml_node_t *n, const char *path, fw_config *out);
/* Applies one `set` entry: dotted path -> YAML value. */
int fwi_config_set(fw_yaml *y, fw_config *c, const char *dotted,
    yaml_node_t *value, yaml_node_t *keynode, const char *path);

#endif
