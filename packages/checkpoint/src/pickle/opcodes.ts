// Pickle opcodes (CPython's Lib/pickle.py), protocols 0-5; the reader implements the data ones.
export const OP = {
  MARK: 0x28, STOP: 0x2e, POP: 0x30, POP_MARK: 0x31, DUP: 0x32,
  BINFLOAT: 0x47, BININT: 0x4a, BININT1: 0x4b, BININT2: 0x4d, NONE: 0x4e,
  BINPERSID: 0x51, REDUCE: 0x52, BINSTRING: 0x54, SHORT_BINSTRING: 0x55, BINUNICODE: 0x58,
  APPEND: 0x61, BUILD: 0x62, GLOBAL: 0x63, DICT: 0x64, APPENDS: 0x65, BINGET: 0x68, LONG_BINGET: 0x6a,
  LIST: 0x6c, BINPUT: 0x71, LONG_BINPUT: 0x72, SETITEM: 0x73, TUPLE: 0x74, SETITEMS: 0x75,
  EMPTY_DICT: 0x7d, EMPTY_LIST: 0x5d, EMPTY_TUPLE: 0x29, SHORT_BINBYTES: 0x43, BINBYTES: 0x42,
  PROTO: 0x80, NEWOBJ: 0x81, TUPLE1: 0x85, TUPLE2: 0x86, TUPLE3: 0x87, NEWTRUE: 0x88, NEWFALSE: 0x89,
  LONG1: 0x8a, LONG4: 0x8b, SHORT_BINUNICODE: 0x8c, BINUNICODE8: 0x8d, BINBYTES8: 0x8e, EMPTY_SET: 0x8f,
  ADDITEMS: 0x90, FROZENSET: 0x91, STACK_GLOBAL: 0x93, MEMOIZE: 0x94, FRAME: 0x95, BYTEARRAY8: 0x96,
} as const;

/** Opcodes refused outright, with why (they build arbitrary objects or reach outside the pickle). */
export const REFUSED: Readonly<Record<number, string>> = {
  0x69: 'INST (instantiates a class)',
  0x6f: 'OBJ (instantiates a class)',
  0x92: 'NEWOBJ_EX (instantiates a class with keyword arguments)',
  0x82: 'EXT1 (the copyreg extension registry)',
  0x83: 'EXT2 (the copyreg extension registry)',
  0x84: 'EXT4 (the copyreg extension registry)',
  0x50: 'PERSID (a text persistent id)',
  0x97: 'NEXT_BUFFER (out-of-band data)',
  0x98: 'READONLY_BUFFER (out-of-band data)',
};
