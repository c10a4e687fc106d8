//! A serde serializer that produces nothing: it walks a value and calls a function for every
//! string, with the path to it.

use super::Seg;
use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("walk error")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

pub struct Walker<'a, F: FnMut(&[Seg], &str)> {
    pub path: Vec<Seg>,
    pub f: &'a mut F,
    /// While a map key is serialized: its text, to name the value's place.
    pub key: Option<String>,
}

impl<F: FnMut(&[Seg], &str)> Walker<'_, F> {
    fn under<T: Serialize + ?Sized>(&mut self, seg: Seg, v: &T) -> Result<(), Never> {
        self.path.push(seg);
        let r = v.serialize(&mut *self);
        self.path.pop();
        r
    }
}

pub struct Compound<'w, 'a, F: FnMut(&[Seg], &str)> {
    w: &'w mut Walker<'a, F>,
    index: usize,
    /// Under a variant: its name is on the path until the end.
    variant: bool,
    key: Option<String>,
}

impl<'w, 'a, F: FnMut(&[Seg], &str)> Compound<'w, 'a, F> {
    fn new(w: &'w mut Walker<'a, F>, variant: Option<&'static str>) -> Self {
        if let Some(v) = variant {
            w.path.push(Seg::Field(v));
        }
        Self {
            w,
            index: 0,
            variant: variant.is_some(),
            key: None,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        let i = self.index;
        self.index += 1;
        self.w.under(Seg::Index(i), v)
    }

    fn finish(self) -> Result<(), Never> {
        if self.variant {
            self.w.path.pop();
        }
        Ok(())
    }
}

macro_rules! nothing {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, _: $t) -> Result<(), Never> { Ok(()) })*
    };
}

impl<'w, 'a, F: FnMut(&[Seg], &str)> ser::Serializer for &'w mut Walker<'a, F> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Compound<'w, 'a, F>;
    type SerializeTuple = Compound<'w, 'a, F>;
    type SerializeTupleStruct = Compound<'w, 'a, F>;
    type SerializeTupleVariant = Compound<'w, 'a, F>;
    type SerializeMap = Compound<'w, 'a, F>;
    type SerializeStruct = Compound<'w, 'a, F>;
    type SerializeStructVariant = Compound<'w, 'a, F>;

    nothing!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_bytes: &[u8], serialize_unit_struct: &'static str
    );

    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Never> {
        if let Some(key) = self.key.as_mut() {
            key.push_str(v);
        }
        (self.f)(&self.path, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.under(Seg::Field(variant), v)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Never> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Never> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Never> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Never> {
        Ok(Compound::new(self, Some(variant)))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Never> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Never> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Never> {
        Ok(Compound::new(self, Some(variant)))
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeSeq for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        self.element(v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeTuple for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        self.element(v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeTupleStruct for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        self.element(v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeTupleVariant for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        self.element(v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeMap for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
        // the key is a string of the document too: visited under its entry's position
        let i = self.index;
        self.w.key = Some(String::new());
        let r = self.w.under(Seg::Index(i), k);
        self.key = self.w.key.take();
        r
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        let i = self.index;
        self.index += 1;
        let seg = match self.key.take() {
            Some(k) if !k.is_empty() => Seg::Key(k),
            _ => Seg::Index(i),
        };
        self.w.under(seg, v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeStruct for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.w.under(Seg::Field(name), v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}

impl<F: FnMut(&[Seg], &str)> ser::SerializeStructVariant for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.w.under(Seg::Field(name), v)
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}
