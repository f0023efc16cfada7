// The subset of ZetaSQL boolean expressions that MLMD 1.14 accepts in ListOperationOptions.filter_query.
// Alternatives are listed from the tightest to the loosest binding, as SQL binds them.
grammar FilterQuery;

query
    : expr EOF
    ;

expr
    : '(' expr ')'                                                   # parenthesized
    | '-' expr                                                       # negated
    | expr op=('*' | '/') expr                                       # multiplicative
    | expr op=('+' | '-') expr                                       # additive
    | expr op=('=' | '!=' | '<>' | '<' | '<=' | '>' | '>=') expr     # comparison
    | expr NOT? LIKE expr                                            # like
    | expr NOT? IN '(' expr (',' expr)* ')'                          # in
    | expr IS NOT? NULL                                              # isNull
    | NOT expr                                                       # not
    | expr AND expr                                                  # and
    | expr OR expr                                                   # or
    | literal                                                        # literalExpr
    | path                                                           # pathExpr
    ;

literal
    : INTEGER                                                        # integerLiteral
    | DECIMAL                                                        # decimalLiteral
    | STRING                                                         # stringLiteral
    | (TRUE | FALSE)                                                 # booleanLiteral
    ;

path
    : IDENTIFIER ('.' segment)*
    ;

segment
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    ;

AND : [aA] [nN] [dD];
OR : [oO] [rR];
NOT : [nN] [oO] [tT];
IN : [iI] [nN];
LIKE : [lL] [iI] [kK] [eE];
IS : [iI] [sS];
NULL : [nN] [uU] [lL] [lL];
TRUE : [tT] [rR] [uU] [eE];
FALSE : [fF] [aA] [lL] [sS] [eE];

DECIMAL
    : [0-9]+ '.' [0-9]* EXPONENT?
    | '.' [0-9]+ EXPONENT?
    | [0-9]+ EXPONENT
    ;
INTEGER : [0-9]+;
fragment EXPONENT : [eE] [+-]? [0-9]+;

// No escapes: 'it''s' is two literals side by side, a syntax error, as upstream.
STRING
    : '\'' ~['\r\n]* '\''
    | '"' ~["\r\n]* '"'
    ;

IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]*;
QUOTED_IDENTIFIER : '`' ~[`\r\n]+ '`';

WS : [ \t\r\n]+ -> skip;
