//! Writes the stress documents: `cargo run --release --example stress -- OUT_DIR [SEED]`.
//! OUT_DIR/stress.ron is the stress region (20 cycles, 1,000 indicators per cycle, 100,000
//! measurements); OUT_DIR/regions/ holds 151 region files of ordinary size.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "stress".into()));
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    std::fs::create_dir_all(out.join("regions"))?;
    let p = kompas::stress::stress(seed);
    let measurements: usize = p
        .cycles
        .iter()
        .map(|c| c.evaluation.measurements.len())
        .sum();
    kompas::storage::save(&out.join("stress.ron"), &p)?;
    println!(
        "stress.ron: {} cycles, {} indicators in the last cycle, {measurements} measurements",
        p.cycles.len(),
        p.cycles.last().map_or(0, |c| c.indicators().count())
    );
    for (name, region) in kompas::stress::regions(seed, 151) {
        kompas::storage::save(&out.join("regions").join(name), &region)?;
    }
    println!("regions/: 151 region files");
    Ok(())
}
