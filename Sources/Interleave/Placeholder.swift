// Placeholder so the package resolves; replaced as the layer is built.
