/* goffsets.h — offsets of the G and M fields that proc_amd64.S uses.
 * Plain #defines so that the assembler can include it; proc.c checks
 * every one against rt.h with static assertions. */
#ifndef GOC_GOFFSETS_H
#define GOC_GOFFSETS_H

#define G_STACK_LO 0
#define G_STACK_HI 8
#define G_STACKGUARD0 16
#define G_SCHED 32
#define G_SCHED_SP 32
#define G_SCHED_PC 40
#define G_SCHED_BP 48
#define G_SCHED_CTXT 56
#define G_SCHED_G 64
#define G_M 72
#define M_G0 0
#define M_CURG 8
#define M_P 16
#define P_WBNEXT 0
#define P_WBEND 8
#define GOBUF_SP 0
#define GOBUF_PC 8
#define GOBUF_BP 16
#define GOBUF_CTXT 24
#define GOBUF_G 32

#endif
