/**
 * MyBatis-Plus rows and mappers of seal making (tables {@code making_*}, Flyway {@code V5_x}). Public only because
 * MyBatis and the feature packages need them; nothing outside seal making may use them.
 */
package cn.hrss.seal.making.persistence;
