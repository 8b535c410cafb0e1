import numpy as np

a = np.array([[3.0, 1.0], [1.0, 2.0]])
b = np.array([9.0, 8.0])
x = np.linalg.solve(a, b)
print(np.round(x, 6).tolist(), np.allclose(a @ x, b))
print(np.round(np.linalg.eigvalsh(a), 6).tolist())
print(np.arange(10).reshape(2, 5).sum(axis=1).tolist(), np.__version__.count(".") >= 1)
