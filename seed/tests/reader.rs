//! Snapshot tests of the reader: what `seed::read_dump` makes of each piece
//! of lexical syntax, and the report for each kind of syntax error.
//!
//! Each test is one `check(source)` line; the snapshot holds the source and
//! the dump (or the error report), so a reviewer sees both side by side.
//! Review changes with `cargo insta review`; never hand-edit a snapshot.

/// The reader's dump of `source` (read as file `input.scm`), or its error
/// report, below the source itself.
fn read(source: &str) -> String {
    let owned = source.to_string();
    let result = seed::run_with_large_stack(move || seed::read_dump("input.scm", &owned).map_err(|e| e.to_string()));
    match result {
        Ok(dump) => format!("{source}\n--- read\n{dump}"),
        Err(report) => format!("{source}\n--- error\n{report}\n"),
    }
}

macro_rules! check {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(read($source));
        }
    };
}

// Numbers.
check!(integers, "0 42 -7 +7 9223372036854775807 -9223372036854775808");
check!(decimals, "1.5 -0.25 .5 1. 1e3 1.5e-3 -2E2");
check!(special_floats, "+inf.0 -inf.0 +nan.0");
check!(radix_prefixes, "#x1F #xff #b101 #o17 #d99 #e1.0 #i3 #x-a");
check!(integer_too_large, "9223372036854775808");

// Other atoms.
check!(booleans, "#t #f #true #false");
check!(characters, r"#\a #\A #\( #\space #\newline #\tab #\nul #\x41 #\λ");
check!(character_names_all, r"#\alarm #\backspace #\delete #\escape #\null #\return #\linefeed");
check!(strings, r#""" "plain" "with \"quotes\"" "tab\there" "new\nline" "back\\slash" "\x41;\x3bb;""#);
check!(string_line_continuation, "\"one \\\n     two\"");
check!(multiline_string_positions, "\"a\nb\" (x)");
check!(symbols, "foo set! list->vector <=? a.b + - ... ->x *x* |with space| |a\\|b|");
check!(symbols_case_sensitive, "Foo foo FOO");
check!(peculiar_identifiers, "+ - ... +a -> -5x");

// Lists and abbreviations.
check!(lists_with_positions, "(a (b c)\n  (d\n   e))");
check!(empty_list, "() []");
check!(dotted_pairs, "(a . b) (a b . c) (a . (b c))");
check!(brackets, "[a b] (let ([x 1]) x)");
check!(quote_forms, "'a `(b ,c ,@d) '() ''x");
check!(quote_with_space, "' a");
check!(vectors, "#(1 \"two\" #\\3 (4)) #()");
check!(bytevectors, "#u8(0 1 255) #u8()");

// Atmosphere.
check!(line_comments, "; a comment\na ; trailing\nb");
check!(block_comments, "#| block |# a #| nested #| inner |# still |# b");
check!(datum_comments, "#;(ignored datum) a #; b c (d #;e f)");
check!(shebang, "#!/usr/bin/env utena\n(display 1)");
check!(empty_input, "");
check!(only_comments, "; nothing\n#| here |#");

// Syntax errors.
check!(unclosed_paren, "(define (f x)\n  (+ x 1)");
check!(unclosed_nested, "(a (b (c)");
check!(unexpected_close, "(a b))");
check!(lone_close, ")");
check!(mismatched_bracket, "(a b]");
check!(unterminated_string, "(display \"hello)\n");
check!(unterminated_block_comment, "a #| never closed");
check!(unknown_hash_syntax, "(list #q 1)");
check!(hash_at_end, "#");
check!(unknown_character_name, r"#\bogus");
check!(unknown_string_escape, r#""bad \q escape""#);
check!(bad_hex_escape, r#""\x41""#);
check!(bytevector_out_of_range, "#u8(1 256)");
check!(dot_at_start, "( . a)");
check!(dot_without_tail, "(a . )");
check!(two_after_dot, "(a . b c)");
check!(vector_with_dot, "#(a . b)");
check!(quote_before_close, "(a ')");
check!(quote_at_end, "'");
check!(datum_comment_at_end, "a #;");
