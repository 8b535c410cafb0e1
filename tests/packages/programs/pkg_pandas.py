import io

import numpy as np
import pandas as pd

df = pd.DataFrame({
    "city": ["Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo"],
    "year": [2020, 2020, 2021, 2021, 2021, 2022],
    "sales": [10.5, 3.0, 7.25, 1.0, 4.5, 2.0],
})
grouped = df.groupby("city").agg(total=("sales", "sum"), n=("sales", "size"), first=("year", "min"))
print(grouped)
print(grouped.to_csv())
pivot = df.pivot_table(index="city", columns="year", values="sales", aggfunc="sum", fill_value=0)
print(pivot.to_csv(float_format="%.2f"))
back = pd.read_csv(io.StringIO(df.to_csv(index=False)))
print(back.dtypes.astype(str).to_dict(), back.equals(df))
s = pd.Series(np.arange(6), index=pd.date_range("2024-01-01", periods=6, freq="D"))
print(s.resample("2D").sum().to_dict())
print(df.describe().round(3).to_string())
print(pd.to_datetime(["2024-03-01 10:00"]).tz_localize("Europe/Oslo").tz_convert("UTC")[0])
print(df.to_json(orient="records")[:60])
