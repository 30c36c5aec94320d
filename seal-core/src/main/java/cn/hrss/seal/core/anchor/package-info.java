/** The port through which evidence-log checkpoints are anchored to an external ledger (issue 7). */
package cn.hrss.seal.core.anchor;
