/*
 * The macros and requests manlint knows: one enum, and a parallel
 * table of names and properties.
 */
#ifndef MAC_H
#define MAC_H

enum tok {
	/* man(7) macros */
	M_TH, M_SH, M_SS, M_PP, M_P, M_LP, M_TP, M_TQ, M_IP, M_HP,
	M_RS, M_RE, M_EX, M_EE, M_UR, M_UE, M_MT, M_ME, M_SY, M_YS,
	M_OP, M_MR, M_B, M_I, M_BR, M_BI, M_IB, M_IR, M_RB, M_RI,
	M_SB, M_SM, M_R, M_PD, M_DT, M_AT, M_UC, M_IX,
	/* roff requests */
	R_br, R_sp, R_nf, R_fi, R_in, R_ti, R_ad, R_na, R_ft, R_ne,
	R_ll, R_nh, R_hy, R_hw, R_ps, R_vs, R_ce, R_ta, R_tr, R_nr,
	R_ds, R_as, R_de, R_am, R_ig, R_if, R_ie, R_el, R_so, R_rm,
	R_rn, R_als, R_cc, R_ec, R_eo, R_mso, R_TS, R_TE, R_EQ, R_EN,
	R_lf, R_ss, R_cs, R_bp, R_fl, R_ev, R_pl, R_po, R_ns, R_rs,
	R_ul, R_cu, R_mk, R_rt, R_tm, R_ab, R_do, R_char, R_fam,
	R_ftr, R_hc, R_hla, R_hlm, R_hym, R_hys, R_lc, R_mc, R_nm, R_nn,
	R_pc, R_sy, R_warn, R_while, R_break, R_continue, R_blm,
	R_em, R_wh, R_ch, R_dt, R_it, R_c2, R_ds1, R_de1, R_am1, R_T_,
	TOK__COUNT,
	TOK_NONE = TOK__COUNT,	/* text lines */
	TOK_USER,		/* a macro the page defined */
	TOK_UNKNOWN
};

/* Properties, as bits. */
#define MF_FONT		0x0001	/* B I SB SM R: one font */
#define MF_ALTFONT	0x0002	/* BR BI IB IR RB RI: alternating */
#define MF_PARA		0x0004	/* starts a paragraph */
#define MF_HEADING	0x0008	/* SH SS */
#define MF_REQUEST	0x0010	/* a roff request, not a man macro */
#define MF_BREAK	0x0020	/* causes a line break */
#define MF_NEXTLINE	0x0040	/* without arguments, uses the next line */

struct mac_info {
	const char	*name;
	int		 flags;
};

extern const struct mac_info mac_table[TOK__COUNT];

enum tok	 mac_lookup(const char *name, size_t len);
void		 mac_init(void);	/* call once before mac_lookup */
size_t		 mac_name_max(void);	/* the longest name in the table */

#endif
