//! The region, its partner organisations and the tables where they meet.

use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Region {
    pub name: String,
    pub samenwerkingsverband: String,
    pub gemeenten: Vec<String>,
    pub notes: String,
}

/// An organisation in the collaboration. Organisations and roles only: never data about children.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: Id,
    pub name: String,
    pub kind: PartnerKind,
    /// Its role in the collaboration, in words.
    #[serde(default)]
    pub role: String,
}

impl Partner {
    /// A partner without a name yet, of the first kind (gemeente).
    pub fn new(id: Id) -> Self {
        Self {
            id,
            name: String::new(),
            kind: PartnerKind::default(),
            role: String::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerKind {
    #[default]
    Gemeente,
    Samenwerkingsverband,
    Schoolbestuur,
    School,
    Jeugdhulpaanbieder,
    Wijkteam,
    Jeugdgezondheidszorg,
    Leerplicht,
    OudersJongeren,
    Overig,
}

impl PartnerKind {
    pub const ALL: [Self; 10] = [
        Self::Gemeente,
        Self::Samenwerkingsverband,
        Self::Schoolbestuur,
        Self::School,
        Self::Jeugdhulpaanbieder,
        Self::Wijkteam,
        Self::Jeugdgezondheidszorg,
        Self::Leerplicht,
        Self::OudersJongeren,
        Self::Overig,
    ];
}

/// A consultation table (OOGO, inkooptafel, LEA or the region's own) and who sits there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: Id,
    pub kind: TableKind,
    /// Its name; for the standard tables this may stay empty.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub partners: Vec<Id>,
}

impl Table {
    /// An OOGO table (the first kind) without a name or partners.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            kind: TableKind::default(),
            name: String::new(),
            partners: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableKind {
    #[default]
    Oogo,
    Inkooptafel,
    Lea,
    Own,
}

impl TableKind {
    pub const ALL: [Self; 4] = [Self::Oogo, Self::Inkooptafel, Self::Lea, Self::Own];
}

/// The level at which something is agreed or done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    #[default]
    Lokaal,
    Regionaal,
    Bovenregionaal,
}

impl Level {
    pub const ALL: [Self; 3] = [Self::Lokaal, Self::Regionaal, Self::Bovenregionaal];
}
