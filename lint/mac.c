#include <string.h>

#include "mac.h"

#define PARA	(MF_PARA | MF_BREAK)
#define FONT	(MF_FONT | MF_NEXTLINE)
#define RQ	MF_REQUEST

const struct mac_info mac_table[TOK__COUNT] = {
	[M_TH] = { "TH", MF_BREAK },
	[M_SH] = { "SH", MF_HEADING | MF_BREAK | MF_NEXTLINE },
	[M_SS] = { "SS", MF_HEADING | MF_BREAK | MF_NEXTLINE },
	[M_PP] = { "PP", PARA },
	[M_P] = { "P", PARA },
	[M_LP] = { "LP", PARA },
	[M_TP] = { "TP", PARA },
	[M_TQ] = { "TQ", PARA },
	[M_IP] = { "IP", PARA },
	[M_HP] = { "HP", PARA },
	[M_RS] = { "RS", MF_BREAK },
	[M_RE] = { "RE", MF_BREAK },
	[M_EX] = { "EX", MF_BREAK },
	[M_EE] = { "EE", MF_BREAK },
	[M_UR] = { "UR", 0 },
	[M_UE] = { "UE", 0 },
	[M_MT] = { "MT", 0 },
	[M_ME] = { "ME", 0 },
	[M_SY] = { "SY", MF_BREAK },
	[M_YS] = { "YS", MF_BREAK },
	[M_OP] = { "OP", 0 },
	[M_MR] = { "MR", 0 },
	[M_B] = { "B", FONT },
	[M_I] = { "I", FONT },
	[M_BR] = { "BR", MF_ALTFONT },
	[M_BI] = { "BI", MF_ALTFONT },
	[M_IB] = { "IB", MF_ALTFONT },
	[M_IR] = { "IR", MF_ALTFONT },
	[M_RB] = { "RB", MF_ALTFONT },
	[M_RI] = { "RI", MF_ALTFONT },
	[M_SB] = { "SB", FONT },
	[M_SM] = { "SM", FONT },
	/*
	 * Not a groff man macro (groff has R as a string and warns), but
	 * mandoc and old pages set roman with it: it is kept so that its
	 * arguments read as text, and macro-discouraged reports it.
	 */
	[M_R] = { "R", FONT },
	[M_PD] = { "PD", 0 },
	[M_DT] = { "DT", 0 },
	[M_AT] = { "AT", 0 },
	[M_UC] = { "UC", 0 },
	[M_IX] = { "IX", 0 },
	[R_br] = { "br", RQ | MF_BREAK },
	[R_sp] = { "sp", RQ | MF_BREAK },
	[R_nf] = { "nf", RQ | MF_BREAK },
	[R_fi] = { "fi", RQ | MF_BREAK },
	[R_in] = { "in", RQ | MF_BREAK },
	[R_ti] = { "ti", RQ | MF_BREAK },
	[R_ad] = { "ad", RQ },
	[R_na] = { "na", RQ },
	[R_ft] = { "ft", RQ },
	[R_ne] = { "ne", RQ },
	[R_ll] = { "ll", RQ },
	[R_nh] = { "nh", RQ },
	[R_hy] = { "hy", RQ },
	[R_hw] = { "hw", RQ },
	[R_ps] = { "ps", RQ },
	[R_vs] = { "vs", RQ },
	[R_ce] = { "ce", RQ | MF_BREAK },
	[R_ta] = { "ta", RQ },
	[R_tr] = { "tr", RQ },
	[R_nr] = { "nr", RQ },
	[R_ds] = { "ds", RQ },
	[R_as] = { "as", RQ },
	[R_de] = { "de", RQ },
	[R_am] = { "am", RQ },
	[R_ig] = { "ig", RQ },
	[R_if] = { "if", RQ },
	[R_ie] = { "ie", RQ },
	[R_el] = { "el", RQ },
	[R_so] = { "so", RQ },
	[R_rm] = { "rm", RQ },
	[R_rn] = { "rn", RQ },
	[R_als] = { "als", RQ },
	[R_cc] = { "cc", RQ },
	[R_ec] = { "ec", RQ },
	[R_eo] = { "eo", RQ },
	[R_mso] = { "mso", RQ },
	[R_TS] = { "TS", RQ | MF_BREAK },
	[R_TE] = { "TE", RQ | MF_BREAK },
	[R_EQ] = { "EQ", RQ | MF_BREAK },
	[R_EN] = { "EN", RQ | MF_BREAK },
	[R_lf] = { "lf", RQ },
	[R_ss] = { "ss", RQ },
	[R_cs] = { "cs", RQ },
	[R_bp] = { "bp", RQ | MF_BREAK },
	[R_fl] = { "fl", RQ },
	[R_ev] = { "ev", RQ },
	[R_pl] = { "pl", RQ },
	[R_po] = { "po", RQ },
	[R_ns] = { "ns", RQ },
	[R_rs] = { "rs", RQ },
	[R_ul] = { "ul", RQ },
	[R_cu] = { "cu", RQ },
	[R_mk] = { "mk", RQ },
	[R_rt] = { "rt", RQ },
	[R_tm] = { "tm", RQ },
	[R_ab] = { "ab", RQ },
	[R_do] = { "do", RQ },
	[R_char] = { "char", RQ },
	[R_fam] = { "fam", RQ },
	[R_ftr] = { "ftr", RQ },
	[R_hc] = { "hc", RQ },
	[R_hla] = { "hla", RQ },
	[R_hlm] = { "hlm", RQ },
	[R_hym] = { "hym", RQ },
	[R_hys] = { "hys", RQ },
	[R_lc] = { "lc", RQ },
	[R_mc] = { "mc", RQ },
	[R_nm] = { "nm", RQ },
	[R_nn] = { "nn", RQ },
	[R_pc] = { "pc", RQ },
	[R_sy] = { "sy", RQ },
	[R_warn] = { "warn", RQ },
	[R_while] = { "while", RQ },
	[R_break] = { "break", RQ },
	[R_continue] = { "continue", RQ },
	[R_blm] = { "blm", RQ },
	[R_em] = { "em", RQ },
	[R_wh] = { "wh", RQ },
	[R_ch] = { "ch", RQ },
	[R_dt] = { "dt", RQ },
	[R_it] = { "it", RQ },
	[R_c2] = { "c2", RQ },
	[R_ds1] = { "ds1", RQ },
	[R_de1] = { "de1", RQ },
	[R_am1] = { "am1", RQ },
	[R_T_] = { "T&", RQ },
};

/* Names hash into a small open-addressing table built once. */
#define HASH_SIZE	512

static short	 hash_slot[HASH_SIZE];
static size_t	 name_max;	/* the longest name in the table */

/*
 * The first two letters and the length tell the names apart well
 * enough, and cost the same for any name.  Names are not empty.
 */
static unsigned int
hash_name(const char *name, size_t len)
{
	unsigned int	 h;

	h = (unsigned char)name[0] << 4 ^ (unsigned int)len << 7;
	if (len > 1)
		h ^= (unsigned char)name[1];
	return h % HASH_SIZE;
}

void
mac_init(void)
{
	unsigned int	 h;
	size_t		 len;
	int		 i;

	for (h = 0; h < HASH_SIZE; h++)
		hash_slot[h] = -1;
	for (i = 0; i < TOK__COUNT; i++) {
		len = strlen(mac_table[i].name);
		if (len > name_max)
			name_max = len;
		h = hash_name(mac_table[i].name, len);
		while (hash_slot[h] != -1)
			h = (h + 1) % HASH_SIZE;
		hash_slot[h] = i;
	}
}

size_t
mac_name_max(void)
{
	return name_max;
}

/*
 * Text lines are looked up too, to find macro names that lost their
 * dot, so anything longer than the longest name is turned away before
 * it is hashed.
 */
enum tok
mac_lookup(const char *name, size_t len)
{
	unsigned int	 h;
	const char	*n;
	size_t		 i;

	if (len == 0 || len > name_max)
		return TOK_UNKNOWN;
	for (h = hash_name(name, len); hash_slot[h] != -1;
	    h = (h + 1) % HASH_SIZE) {
		n = mac_table[hash_slot[h]].name;
		for (i = 0; i < len && n[i] == name[i]; i++)
			continue;
		if (i == len && n[len] == '\0')
			return hash_slot[h];
	}
	return TOK_UNKNOWN;
}
