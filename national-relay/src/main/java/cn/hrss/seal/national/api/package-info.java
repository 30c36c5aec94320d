/** The message bodies of flow 3 (unique code and filing), shared with the national-platform simulator. */
@org.springframework.modulith.NamedInterface("api")
package cn.hrss.seal.national.api;
