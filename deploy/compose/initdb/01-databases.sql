-- one database per component, as each would have its own server in production
CREATE DATABASE national;
CREATE DATABASE ministry;
CREATE DATABASE fujian;
CREATE DATABASE guangdong;
CREATE DATABASE xiamen;
