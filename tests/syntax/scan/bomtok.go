package p // bom
