/**
 * MyBatis-Plus rows and mappers of the accounts tables ({@code account_*}, Flyway {@code V2_x}). Internal to the
 * module: other modules never read these tables.
 */
package cn.hrss.seal.accounts.persistence;
