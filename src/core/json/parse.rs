//! JSON text to a [`Value`], strictly as RFC 8259 has it, in one pass.

use super::value::{Map, Number, Value};
use super::JsonError;

/// Deeper than this is refused rather than read: the reader recurses, and
/// the wasm stack is small. No answer the element reads nests past 5.
const MAX_DEPTH: usize = 128;

/// `text` as one JSON value, with nothing but white space around it.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(reader.refuse("trailing characters after the value")),
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn refuse(&self, reason: &'static str) -> JsonError {
        JsonError::Syntax { reason, at: self.at }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.refuse("the text ends where a value should be")),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') if depth < MAX_DEPTH => self.array(depth),
            Some(b'{') if depth < MAX_DEPTH => self.object(depth),
            Some(b'[' | b'{') => Err(self.refuse("nested too deep")),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.word(),
        }
    }

    /// `null`, `true` or `false`.
    fn word(&mut self) -> Result<Value, JsonError> {
        let rest = &self.text[self.at..];
        let (value, length) = if rest.starts_with("null") {
            (Value::Null, 4)
        } else if rest.starts_with("true") {
            (Value::Bool(true), 4)
        } else if rest.starts_with("false") {
            (Value::Bool(false), 5)
        } else {
            return Err(self.refuse("expected a value"));
        };
        self.at += length;
        Ok(value)
    }

    /// The items of an array or an object, its opening bracket next: each
    /// read by `item`, separated by commas, up to `close`; `unseparated`
    /// says what is wrong when neither follows an item.
    fn sequence(
        &mut self,
        close: u8,
        unseparated: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.at += 1;
        self.skip_space();
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.refuse(unseparated));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        let mut items = Vec::new();
        self.sequence(b']', "expected , or ] in an array", |reader| {
            items.push(reader.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        let mut fields = Map::new();
        self.sequence(b'}', "expected , or } in an object", |reader| {
            reader.skip_space();
            if reader.peek() != Some(b'"') {
                return Err(reader.refuse("expected a key in quotes"));
            }
            let key = reader.string()?;
            reader.skip_space();
            if !reader.eat(b':') {
                return Err(reader.refuse("expected : after a key"));
            }
            fields.push(key, reader.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Value::Object(fields))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return Err(self.refuse("expected a digit"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.refuse("expected a digit after the decimal point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.refuse("expected a digit in the exponent"));
            }
        }
        let text = self.text[start..self.at].to_owned();
        Ok(Value::Number(Number::from_checked_text(text)))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// A string after its opening quote is next; the text between escapes
    /// is copied as it is (it is UTF-8 already).
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut text = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.refuse("the text ends inside a string")),
                Some(b'"') => {
                    text.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    text.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    text.push(self.escape()?);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.refuse("a control character inside a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character an escape after its backslash stands for.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(letter) = self.peek() else {
            return Err(self.refuse("the text ends inside a string"));
        };
        self.at += 1;
        Ok(match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.refuse("an unknown escape in a string")),
        })
    }

    /// `\uXXXX`, or two of them for a surrogate pair. A lone surrogate,
    /// which JSON.stringify writes for a broken string, reads as U+FFFD
    /// rather than failing the whole value.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if !(0xd800..0xdc00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        let rest = &self.text[self.at..];
        if !rest.starts_with("\\u") {
            return Ok(char::REPLACEMENT_CHARACTER);
        }
        let before_second = self.at;
        self.at += 2;
        let second = self.hex4()?;
        if !(0xdc00..0xe000).contains(&second) {
            // Not a pair: the second escape is read on its own.
            self.at = before_second;
            return Ok(char::REPLACEMENT_CHARACTER);
        }
        let pair = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
        Ok(char::from_u32(pair).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.at..self.at + 4).filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            return Err(self.refuse("expected four hex digits after \\u"));
        };
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.refuse("expected four hex digits after \\u"))
    }
}
